// An API failure in words, next to what caused it. "offline" problems (no answer at all) get their own text.
import { ApiProblem } from "../api/client";
import { known, language, t, type Key } from "../i18n/i18n";

export function describe(problem: ApiProblem): string {
  if (problem.status === 0) return t("problem.offline");
  const key = translationOf(problem);
  if (key) return t(key);
  if (problem.status === 401) return t("problem.signedOut");
  if (problem.status === 429) return `${problem.title}. ${problem.detail ?? t("problem.tooMany")}`;
  return problem.detail ? `${problem.title}. ${problem.detail}` : problem.title;
}

/**
 * The server speaks English and names each problem with a code. A reader in Dutch gets a problem the translation
 * files know in their words; a reader in English gets the server's own words, which are more specific (they name
 * the project, the limit, the phase).
 */
function translationOf(problem: ApiProblem): Key | null {
  const key = problem.code ? `problem.code.${problem.code}` : "";
  return known(key) && (language() !== "en" || !problem.detail) ? key : null;
}

/** Whether describe() shows the server's English words on a page in another language (marked with lang="en", WCAG 3.1.2). */
const inServerLanguage = (problem: ApiProblem) =>
  language() !== "en" && problem.status !== 0 && problem.status !== 401 && translationOf(problem) === null;

export function ProblemMessage({ problem, id }: { problem: ApiProblem | null; id?: string }) {
  if (!problem) return null;
  return (
    <p class="problem" role="alert" id={id} lang={inServerLanguage(problem) ? "en" : undefined}>
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
