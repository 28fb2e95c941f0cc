/** A few DOM helpers: these apps build their pages with the platform alone. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) if (child) element.append(child);
  return element;
}

/** A button that runs `action`, disabled while it runs; its failure is shown by `onError`. */
export function button(label: string, action: () => Promise<void>, onError: (error: unknown) => void) {
  const element = h('button', { type: 'button' }, label);
  element.addEventListener('click', () => {
    element.disabled = true;
    action().then(
      () => (element.disabled = false),
      (error) => {
        element.disabled = false;
        onError(error);
      },
    );
  });
  return element;
}

/** French dates as a person reads them, in Paris time. */
export const day = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

export const dayAndTime = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });

/** Shows an error in the page's alert region, or clears it. */
export function showError(error: unknown) {
  const region = document.getElementById('error')!;
  region.textContent = error ? (error instanceof Error ? error.message : String(error)) : '';
  region.hidden = !error;
}

/** When no token came in the fragment: a form to paste one (kept in memory only). */
export function askToken(start: (token: string) => void) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: '' });
  const form = h(
    'form',
    { id: 'token-form' },
    h('label', { for: 'token' }, 'Jeton (bearer) '),
    input,
    h('button', { type: 'submit' }, 'Se connecter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.remove();
    start(input.value.trim());
  });
  document.getElementById('app')!.replaceChildren(form);
}
