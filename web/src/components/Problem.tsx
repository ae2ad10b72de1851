// An API failure in words, next to what caused it. "offline" problems (no answer at all) get their own text.
import { ApiProblem } from "../api/client";
import { t } from "../i18n/i18n";

export function describe(problem: ApiProblem): string {
  if (problem.status === 0) return t("problem.offline");
  if (problem.status === 401) return t("problem.signedOut");
  if (problem.status === 429) return `${problem.title}. ${problem.detail ?? t("problem.tooMany")}`;
  return problem.detail ? `${problem.title}. ${problem.detail}` : problem.title;
}

export function ProblemMessage({ problem, id }: { problem: ApiProblem | null; id?: string }) {
  if (!problem) return null;
  return (
    <p class="problem" role="alert" id={id}>
      {describe(problem)}
    </p>
  );
}

/** While data loads, or when loading failed. */
export function Loading({ problem }: { problem?: ApiProblem | null }) {
  if (problem) return <ProblemMessage problem={problem} />;
  return (
    <p class="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
