// lint as: src/config/probe.ts
// expect: no-restricted-globals (pure: no process)
export const probe = process.env['HOME'];
