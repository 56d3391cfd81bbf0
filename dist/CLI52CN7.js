import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  actionSources,
  discoverAction
} from "./742HWHJX.js";
import "./VIZJHEKK.js";
import "./Q75OEZVL.js";
import "./KSLJ7NS4.js";
import "./FD6MDBI3.js";
import "./IV5JU2LY.js";
import "./JQWHR474.js";
import "./UYRH4MQ6.js";
import "./J6LDKS2R.js";
import "./VQYUNRDN.js";
import "./TQZP5LUC.js";
import "./XRG2AIG3.js";
import "./T4V6IIFZ.js";
import "./WIC3XBMV.js";
import "./VO6IMAWJ.js";
import "./DSDVMYR5.js";
import "./BHM3J3E7.js";
import "./2X254HU4.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./JPLNYXYI.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import "./XN3XRSSJ.js";
import "./UUREHCQQ.js";
import "./CMX6XCKP.js";
import "./55THRJYK.js";
import "./HSUCJ5W4.js";
import "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  actionSources,
  discoverAction
};
