import { EmptyBody } from '../auth.js';
import { IdParams } from '../common.js';
import { CandidateFile, CandidateFileList, CandidateFileListQuery, DownloadFileQuery } from '../files.js';
import { anyone, recruiting, endpointGroup } from './endpoint.js';

/** Files attached to candidates: upload, list, download, delete. */
export const fileEndpoints = endpointGroup({
  uploadCandidateFile: {
    method: 'post',
    path: '/api/v1/candidates/:id/files',
    summary:
      'Attach a file to a candidate (multipart/form-data, field `file`): PDF, DOCX, TXT, PNG or JPEG, checked from its content (415 otherwise; 413 over FILE_MAX_BYTES, 10 MB by default)',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    // The file travels as multipart/form-data (read by the controller); a JSON body may hold nothing.
    body: EmptyBody.optional(),
    uploadField: 'file',
    status: 201,
    response: CandidateFile,
  },
  listCandidateFiles: {
    method: 'get',
    path: '/api/v1/candidates/:id/files',
    summary:
      'A candidate’s files, newest first; interviewers see them only with an interview for the candidate on an opening that shows candidate details',
    tag: 'candidates',
    access: anyone,
    params: IdParams,
    query: CandidateFileListQuery,
    status: 200,
    response: CandidateFileList,
  },
  downloadFile: {
    method: 'get',
    path: '/api/v1/files/:id',
    summary:
      'A file’s content, always as an attachment with the sniffed type; `inline=1` previews a PDF in the page (sandboxed)',
    tag: 'candidates',
    access: anyone,
    params: IdParams,
    query: DownloadFileQuery,
    status: 200,
    response: null,
    produces: 'application/octet-stream',
  },
  deleteFile: {
    method: 'delete',
    path: '/api/v1/files/:id',
    summary: 'Delete a file and its stored content (its uploader, recruiters and admins)',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 204,
    response: null,
  },
});
