import { Module } from '@nestjs/common';
import { AuditLogQueryHandler } from './audit-log.query';
import { AuditResolver } from './audit.resolver';
import { HistoryQueryHandler } from './history.query';

@Module({ providers: [AuditResolver, HistoryQueryHandler, AuditLogQueryHandler] })
export class AuditModule {}
