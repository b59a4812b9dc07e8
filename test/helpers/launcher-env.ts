/** Variables launchers set; removed from the test's environment so the runner's own setting cannot leak in. */
const LAUNCHER_VARIABLES = [
  'RANK',
  'WORLD_SIZE',
  'LOCAL_RANK',
  'LOCAL_WORLD_SIZE',
  'TORCHELASTIC_RUN_ID',
  'SLURM_PROCID',
  'SLURM_NTASKS',
  'SLURM_LOCALID',
  'SLURM_JOB_ID',
  'OMPI_COMM_WORLD_RANK',
  'OMPI_COMM_WORLD_SIZE',
  'OMPI_COMM_WORLD_LOCAL_RANK',
  'OMPI_MCA_ess_base_jobid',
  'PMI_RANK',
  'PMI_SIZE',
  'TRAINSCOPE_GROUP',
  'WANDB_API_KEY',
  'WANDB_BASE_URL',
  'WANDB_MODE',
];

/** `process.env` without any launcher's variables. */
export function launcherFreeEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of LAUNCHER_VARIABLES) delete env[name];
  return env;
}

/** Removes the launcher variables from `process.env` for the rest of a test file; returns the restore function. */
export function clearLauncherEnv(): () => void {
  const saved = new Map<string, string>();
  for (const name of LAUNCHER_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) saved.set(name, value);
    delete process.env[name];
  }
  return () => {
    for (const [name, value] of saved) process.env[name] = value;
  };
}
