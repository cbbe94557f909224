import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from '@/app/App';
import './styles.css';

// Zod compiles fast parsers with `new Function` when it may; the CSP (script-src 'self') forbids
// that, so tell it up front instead of letting it probe and log a CSP violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
