// Votes per project so far, as bars with the numbers written out (the bars are decoration; the table is the data).
import type { BallotProject, ProjectTally } from "../api/types";
import { formatNumber, t } from "../i18n/i18n";

export function LiveCounts({ projects, counts, selected }: { projects: BallotProject[]; counts: ProjectTally[]; selected: string[] | null }) {
  const byId = new Map(counts.map((c) => [c.projectId, c]));
  const most = Math.max(1, ...counts.map((c) => c.points));
  const rows = [...projects].sort((a, b) => (byId.get(b.id)?.points ?? 0) - (byId.get(a.id)?.points ?? 0));
  return (
    <table class="bars">
      <caption>{t("live.countsCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("live.project")}</th>
          <th scope="col">{t("live.votes")}</th>
          {selected && <th scope="col">{t("live.provisional")}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((project) => {
          const points = byId.get(project.id)?.points ?? 0;
          return (
            <tr key={project.id}>
              <th scope="row">{project.title}</th>
              <td>
                <span class="bar" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${(100 * points) / most}%` }} />
                </span>
                {formatNumber(points)}
              </td>
              {selected && <td>{selected.includes(project.id) ? t("live.inProvisional") : ""}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
