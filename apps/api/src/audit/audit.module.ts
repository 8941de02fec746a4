import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { HistoryQueryHandler } from './history.query';

@Module({ providers: [AuditResolver, HistoryQueryHandler] })
export class AuditModule {}
