import { Link, useSearchParams } from 'react-router';
import { CenteredPage } from '@/components/ui/CenteredPage';
import { Alert } from '@/components/ui/Alert';
import { LoadingState } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUnsubscribe, useUnsubscribeLink } from '../api/preferences-queries';
import '../preferences.css';

const SETTINGS = '/settings/notifications';

/** A link with no token, an unknown or expired one, or one that could not be read. */
function BadLink({ error }: { error: unknown }) {
  const expired = isApiError(error, 'token_expired');
  return (
    <>
      <h1 className="unsubscribe__title">{expired ? 'This link has expired' : 'This link does not work'}</h1>
      <p>
        {error === null
          ? 'The link has no token. Open it again from the email, and make sure it was not cut short.'
          : errorMessage(error)}
      </p>
      <p>
        You can still choose your emails in <Link to={SETTINGS}>Settings → Your notifications</Link> (sign-in needed).
      </p>
    </>
  );
}

/**
 * The page an optional email's unsubscribe link opens: it says what the link turns off and asks
 * first (opening it changes nothing: mail scanners open links), then confirms.
 */
export default function UnsubscribeRoute() {
  useDocumentTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const link = useUnsubscribeLink(token);
  const unsubscribe = useUnsubscribe(token);

  let body;
  if (token === '') {
    body = <BadLink error={{ code: 'token_unknown' }} />;
  } else if (link.isPending) {
    body = <LoadingState label="Reading your unsubscribe link…" />;
  } else if (link.isError) {
    body = <BadLink error={link.error} />;
  } else if (link.data.unsubscribed) {
    body = (
      <div className="unsubscribe" role="status">
        <h1 className="unsubscribe__title">You’re unsubscribed</h1>
        <p>
          {link.data.organization.name} will no longer send you {link.data.kindLabel.toLowerCase()} emails.
        </p>
        <p>
          Changed your mind? Turn them back on in <Link to={SETTINGS}>Settings → Your notifications</Link> (sign-in
          needed).
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <h1 className="unsubscribe__title">
          Stop {link.data.kindLabel.toLowerCase()} emails from {link.data.organization.name}?
        </h1>
        <p className="unsubscribe__description">{link.data.description}</p>
        <p>Invitations and password resets are still sent: they are how you get into Scorecard.</p>
        {unsubscribe.isError ? (
          <Alert title="Not unsubscribed">
            <p>{errorMessage(unsubscribe.error)}</p>
          </Alert>
        ) : null}
        <div className="form__actions form__actions--center">
          <button
            type="button"
            className="button button--primary"
            disabled={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate()}
          >
            {unsubscribe.isPending ? 'Unsubscribing…' : 'Unsubscribe'}
          </button>
        </div>
        <p className="unsubscribe__more">
          Or choose all your emails in <Link to={SETTINGS}>Settings → Your notifications</Link> (sign-in needed).
        </p>
      </>
    );
  }
  return (
    <CenteredPage center>
      <div className="unsubscribe">{body}</div>
    </CenteredPage>
  );
}
