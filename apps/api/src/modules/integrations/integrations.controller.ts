import { controller } from '../../common/controller.js';
import { DecisionPacketService } from './decision-packet.service.js';
import { ScorecardImportService } from './scorecard-import.service.js';

export const ScorecardImportController = controller('ScorecardImportController', ScorecardImportService, {
  importScorecard: (imports, caller, { body }) => imports.import(caller, body),
});

export const DecisionPacketController = controller('DecisionPacketController', DecisionPacketService, {
  getDecisionPacket: (packets, caller, { params }) => packets.packet(caller, params.id),
});
