import { Module } from '@nestjs/common';
import { TemplateDrafter } from './template-drafter';
import { TemplateSource } from './template-source';
import { PlanTemplateFieldResolver, TemplateResolver } from './template.resolver';

@Module({ providers: [TemplateResolver, PlanTemplateFieldResolver, TemplateDrafter, TemplateSource] })
export class TemplatesModule {}
