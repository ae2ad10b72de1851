// One change sent to the server from a page: busy while it runs, the server's problem kept for showing next to
// the button that caused it.
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api/client";
import { asProblem } from "./asProblem";

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(asProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run, clear: () => setProblem(null) };
}
