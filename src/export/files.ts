/** One file of an exported project: a path relative to the project's root (forward slashes) and its text. */
export interface ProjectFile {
  path: string;
  text: string;
}
