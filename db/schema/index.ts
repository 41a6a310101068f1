export * from "./organizations";
export * from "./accounts";
export * from "./audit";
export * from "./email";
export * from "./relations";
