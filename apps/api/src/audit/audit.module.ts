import { Module } from '@nestjs/common';
import { AuditLogQueryHandler } from './audit-log.query';
import { AuditResolver } from './audit.resolver';
import { AuditExportController } from './export/audit-export.controller';
import { HistoryQueryHandler } from './history.query';
import { VerifyIntegrityQueryHandler } from './integrity/verify-integrity.query';

@Module({
  providers: [AuditResolver, HistoryQueryHandler, AuditLogQueryHandler, VerifyIntegrityQueryHandler],
  controllers: [AuditExportController],
})
export class AuditModule {}
