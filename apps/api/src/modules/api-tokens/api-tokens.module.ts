import { Module } from '@nestjs/common';

/** Organization API tokens for machines: scopes, revocation, last use (issue 23). */
@Module({})
export class ApiTokensModule {}
