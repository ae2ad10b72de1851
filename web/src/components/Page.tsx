// Every page: its title in the tab and as the one <h1>, which takes focus after a navigation so screen-reader
// and keyboard users start at the new page instead of somewhere in the old one.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

let firstPage = true;

export function Page({ title, lead, children }: { title: string; lead?: ComponentChildren; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Buurtbudget`;
  }, [title]);
  useEffect(() => {
    // The first page of a visit keeps the browser's own focus (top of the document).
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <p class="lead">{lead}</p>}
      {children}
    </>
  );
}
