// The workspace: the file a team keeps in git, the one built from the user's environment, and
// the secret references their connections carry.
export {
  loadWorkspaceFile,
  parseWorkspace,
  resolveWorkspacePaths,
  WorkspaceFileError,
  type WorkspaceProblem,
} from './workspace-file';
export { workspaceFromEnvironment, type EnvironmentContext } from './from-environment';
export {
  resolveSecret,
  describeSecretRef,
  MissingSecretError,
  type ResolveSecretOptions,
} from './resolve-secret';
