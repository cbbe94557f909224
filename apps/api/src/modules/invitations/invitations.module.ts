import { Module } from '@nestjs/common';

/** Invitations and password resets: links sent by email that let a person set their password. */
@Module({})
export class InvitationsModule {}
