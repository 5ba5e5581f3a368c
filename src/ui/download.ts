/** Saves `href` (a data: or blob: URL) as a file named `name`, as a link the user clicked would. */
export function downloadHref(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
