import { IdParams } from '../common.js';
import { PacketQuery } from '../packets.js';
import { anyone, endpointGroup } from './endpoint.js';

/** The hiring-committee packet as a PDF (issue 24 §2). */
export const packetEndpoints = endpointGroup({
  getCommitteePacket: {
    method: 'get',
    path: '/api/v1/applications/:id/packet.pdf',
    summary:
      'The hiring-committee packet of an application as a PDF, for readers who never met the candidate: role profile, rubric with anchors, combined score, disagreements, evidence gaps, red flags, each submitted scorecard, the debrief meeting and the decision. The debrief’s access rule (independence rule included); `anonymise=true` replaces the name (a candidate code instead), company, contact details, links and pronouns, and `redact` names more terms',
    tag: 'debriefs',
    access: anyone,
    params: IdParams,
    query: PacketQuery,
    status: 200,
    response: null,
    produces: 'application/pdf',
    // Personal data leaving the product as a file: each download is in the audit log.
    audited: true,
  },
});
