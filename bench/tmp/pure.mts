import { measurePureDecide } from "../decide/pure";
for (let i = 0; i < 3; i++) { const r = measurePureDecide(); console.log(r.medianUs.toFixed(1), r.p99Us.toFixed(1), r.servedByExperience); }
