// Loading data for a page: the value, the problem if it failed, and reload() after a change.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/client";

export interface Loaded<T> {
  value: T | undefined;
  problem: ApiProblem | null;
  loading: boolean;
  reload: () => Promise<void>;
  set: (value: T) => void;
}

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, keys: unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(async () => setGeneration((g) => g + 1), []);
  // A value set from a change's answer is newer than any load that started before the change: such a load's answer
  // is dropped. (A page that loads twice as the session arrives showed a removed photo again when the second answer
  // came after the removal.)
  const sets = useRef(0);
  const set = useCallback((next: T) => {
    sets.current++;
    setValue(next);
  }, []);
  useEffect(() => {
    const abort = new AbortController();
    const setsBefore = sets.current;
    setLoading(true);
    load(abort.signal).then(
      (result) => {
        if (abort.signal.aborted) return;
        if (sets.current === setsBefore) setValue(result);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error), null, {}));
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [...keys, generation]);
  return { value, problem, loading, reload, set };
}
