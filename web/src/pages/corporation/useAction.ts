// One action a person starts on a page (save, open voting, upload): whether it runs, and the server's problem
// when it failed, to show next to the button that started it.
import { useCallback, useState } from "preact/hooks";
import { ApiProblem } from "../../api/client";

export interface Action {
  busy: boolean;
  problem: ApiProblem | null;
  /** Runs the work; returns its result, or undefined when it failed (the problem is then set). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>) => {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error), null, {}));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, run, clear: useCallback(() => setProblem(null), []) };
}
