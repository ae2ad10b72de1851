import { ApiProblem } from "../../api/client";

/** Anything a request threw, as a problem the page can show in words. */
export const asProblem = (error: unknown) => (error instanceof ApiProblem ? error : new ApiProblem(0, String(error), null, {}));
