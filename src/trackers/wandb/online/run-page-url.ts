/** The web page of a run: `https://wandb.ai/<entity>/<project>/runs/<id>` for the public cloud, else on the base host. */
export function runPageUrl(baseUrl: string, entity: string, project: string, runId: string): string {
  const url = new URL(baseUrl);
  const app = url.hostname === 'api.wandb.ai' ? 'https://wandb.ai' : url.origin;
  return `${app}/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/runs/${encodeURIComponent(runId)}`;
}
