import { Module } from '@nestjs/common';
import { PmoReader } from './pmo.reader';
import { PmoResolver } from './pmo.resolver';

@Module({ providers: [PmoResolver, PmoReader] })
export class PmosModule {}
