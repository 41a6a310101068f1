// References a certifier cites: EMP-0001 (employee), PHC- (pre-hire check), BGC- (background check),
// OFB- (offboarding).

const pad = (n: number) => String(n).padStart(4, "0");

export const employeeReference = (n: number) => `EMP-${pad(n)}`;
export const prehireReference = (n: number) => `PHC-${pad(n)}`;
export const backgroundReference = (n: number) => `BGC-${pad(n)}`;
export const offboardingReference = (n: number) => `OFB-${pad(n)}`;
