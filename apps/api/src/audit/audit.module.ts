import { Module } from '@nestjs/common';
import { AuditLogPages } from './audit-log-pages';
import { AuditResolver } from './audit.resolver';
import { RecordedEventTypeResolver } from './recorded-event.resolver';
import { AuditExportController } from './export/audit-export.controller';
import { HistoryReader } from './history.reader';
import { IntegrityVerifier } from './integrity/integrity-verifier';

@Module({
  providers: [AuditResolver, RecordedEventTypeResolver, HistoryReader, AuditLogPages, IntegrityVerifier],
  controllers: [AuditExportController],
})
export class AuditModule {}
