// References a certifier cites: EMP-0001 (employee), PHC- (pre-hire check), BGC- (background check),
// OFB- (offboarding).

import { formatReference } from "../references";

export const employeeReference = (n: number) => formatReference("employee", n);
export const prehireReference = (n: number) => formatReference("prehireCheck", n);
export const backgroundReference = (n: number) => formatReference("backgroundCheck", n);
export const offboardingReference = (n: number) => formatReference("offboarding", n);
