/**
 * Entry of dist/functions.js: binds the ids of functions.json to the implementations. Nothing else.
 */
import { yusuanDaxie, yusuanLevel, yusuanName, yusuanParent, yusuanSumcheck, yusuanWan } from "./functions";

CustomFunctions.associate("NAME", yusuanName);
CustomFunctions.associate("WAN", yusuanWan);
CustomFunctions.associate("PARENT", yusuanParent);
CustomFunctions.associate("LEVEL", yusuanLevel);
CustomFunctions.associate("DAXIE", yusuanDaxie);
CustomFunctions.associate("SUMCHECK", yusuanSumcheck);
