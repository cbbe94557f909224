import { forwardRef, type InputHTMLAttributes } from 'react';

type CodeInputProps = InputHTMLAttributes<HTMLInputElement> & {
  /** A recovery code (`k7pq-4mzt`) instead of the 6 digits from the app. */
  recovery?: boolean;
};

/** The one input for a sign-in code: digits from the app (numeric keyboard, one-time-code autofill) or a recovery code. */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  { recovery = false, ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      className="input totp-code"
      type="text"
      autoComplete={recovery ? 'off' : 'one-time-code'}
      inputMode={recovery ? 'text' : 'numeric'}
      spellCheck={false}
      autoCapitalize="off"
      maxLength={recovery ? 32 : 7}
      placeholder={recovery ? 'xxxx-xxxx' : '123456'}
      {...props}
    />
  );
});
