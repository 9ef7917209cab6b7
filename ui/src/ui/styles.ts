import { css } from 'lit';

/** Shared look: large touch targets, visible focus, high contrast for night use in a car. */
export const shared = css`
  :host { display: block; color: var(--text); }
  *, *::before, *::after { box-sizing: border-box; }
  h1, h2, h3 { line-height: 1.2; margin: 0 0 0.5rem; }
  p { margin: 0.25rem 0; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.15rem; }
  h3 { font-size: 1rem; }
  a { color: var(--accent); }
  button, .button {
    font: inherit; min-height: 44px; min-width: 44px; padding: 0.5rem 1rem; border-radius: var(--radius);
    border: 2px solid var(--accent); background: var(--accent); color: var(--accent-text);
    font-weight: 600; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center;
    justify-content: center; gap: 0.4rem;
  }
  button.secondary, .button.secondary { background: transparent; color: var(--accent); }
  button.danger { background: transparent; border-color: var(--danger); color: var(--danger); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  input, select {
    font: inherit; min-height: 44px; padding: 0.4rem 0.6rem; border-radius: 8px; width: 100%;
    border: 2px solid var(--border); background: var(--surface-2); color: var(--text);
  }
  input[type='checkbox'] { width: 1.4rem; min-height: 1.4rem; height: 1.4rem; accent-color: var(--accent); flex-shrink: 0; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .check { display: flex; gap: 0.6rem; align-items: center; font-weight: 500; min-height: 44px; }
  .card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.9rem; }
  .muted { color: var(--muted); }
  .error { color: var(--danger); font-weight: 600; }
  .ok { color: var(--ok); font-weight: 600; }
  .stale { color: var(--warn); font-weight: 700; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
  .plain { list-style: none; margin: 0; padding: 0; }
`;
