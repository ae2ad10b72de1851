// A polite live region that is always in the page, so a message put in it later is announced.
import type { ComponentChildren } from "preact";

export function Status({ children }: { children?: ComponentChildren }) {
  return <div role="status">{children ? <p class="notice">{children}</p> : null}</div>;
}
