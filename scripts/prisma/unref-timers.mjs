// Preloaded into the Prisma CLI process (node --import): the wasm schema
// engine leaves 10 s / 60 s timers pending after its work is done, which keeps
// the CLI idle for up to a minute. Long timers are unref'd so the process
// exits as soon as its real work ends.
import timers from "node:timers";
import { syncBuiltinESMExports } from "node:module";

const LONG_MS = 5_000;

function unrefLong(original) {
  return function patchedTimer(callback, ms, ...rest) {
    const timer = original.call(this, callback, ms, ...rest);
    if (typeof ms === "number" && ms >= LONG_MS && typeof timer?.unref === "function") timer.unref();
    return timer;
  };
}

for (const name of ["setTimeout", "setInterval"]) {
  const patched = unrefLong(globalThis[name]);
  globalThis[name] = patched;
  timers[name] = patched;
}
syncBuiltinESMExports();
