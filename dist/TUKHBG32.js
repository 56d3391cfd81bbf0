import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  maskRegistryCredential
} from "./VIZJHEKK.js";
import {
  actionLog,
  openActionRepo,
  setSecret
} from "./FD6MDBI3.js";
import "./UYRH4MQ6.js";
import {
  promotionRegistryCredentials
} from "./TQZP5LUC.js";
import "./DSDVMYR5.js";
import {
  expressionDataFromEnv,
  secretValues
} from "./SZ6DWH5P.js";
import "./2X254HU4.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./HSUCJ5W4.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/actions/promote-action.ts
async function promoteAction(s, ctx) {
  const env = {
    ...ctx.env,
    ...s.argocdServer !== void 0 && { ARGOCD_SERVER: s.argocdServer },
    ...s.argocdToken !== void 0 && { ARGOCD_AUTH_TOKEN: s.argocdToken }
  };
  const expressionData = expressionDataFromEnv(ctx.env);
  for (const v of secretValues(expressionData)) if (v.length >= 4) setSecret(v);
  const registryCredentials = promotionRegistryCredentials(
    {
      dockerConfigPath: ctx.dockerConfigPath,
      githubToken: s.token,
      githubHost: new URL(ctx.serverUrl).host
    },
    actionLog.warn
  );
  for (const c of registryCredentials.values()) maskRegistryCredential(c);
  const repo = await openActionRepo(s, ctx);
  if (s.freight !== void 0 && s.project !== void 0)
    await repo.store.promoteNamedAhead(s.project, s.freight);
  const { promoteInRepo } = await import("./CXZQ22VX.js");
  await promoteInRepo(s, ctx, repo, { env, expressionData, registryCredentials });
}
export {
  promoteAction
};
