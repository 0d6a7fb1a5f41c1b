// VS Code's JSON language service, from the test-tools package: the content-schema test checks
// files the way an editor does while someone types.
export { getLanguageService } from "vscode-json-languageservice";
export type { ASTNode, Diagnostic, JSONDocument, JSONSchema } from "vscode-json-languageservice";
export { TextDocument } from "vscode-languageserver-textdocument";
