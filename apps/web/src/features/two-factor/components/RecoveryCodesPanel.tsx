import { useState } from 'react';
import '../two-factor.css';
import { recoveryCodesText } from './two-factor-text';

/** Recovery codes, shown once: copy them or download them before leaving. */
export function RecoveryCodesPanel({ codes }: { codes: readonly string[] }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = recoveryCodesText(codes);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'scorecard-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" className="recovery-codes__title">
        Save your recovery codes
      </h3>
      <p>
        Each code signs you in once if you lose your phone. They are shown only now: keep them somewhere safe, like a
        password manager.
      </p>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="two-factor__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy codes
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          Download codes
        </button>
        <span role="status" className="field__hint">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the codes instead.' : ''}
        </span>
      </div>
    </section>
  );
}
