import { minutesData, ROOT } from '../e2e/lib/harness.mjs';
import { scaleMinutes } from './lib/scale.mjs';
import { buildAppWithData } from './lib/build-app.mjs';
const big = scaleMinutes(await minutesData(), 100);
const r = await buildAppWithData(ROOT, '100x', `${JSON.stringify(big, null, 2)}\n`, { log: console.error });
console.log(r.dist);
