// A site's name or host reduced to the label it is compared under, by the title (a site address
// spelt in the <title>) and by the byline (a credit to the publication itself).
import { compareKey } from '../../text/fold.js';

/** A host's sub-domain that is not part of the site's name: "www.", "www2.", "m.". */
const HOST_PREFIX = /^(www\d?|m)\./i;

/** A top-level domain (with its country, "co.uk") or a bare country code: ".com", ".co.za", ".de". */
const TOP_LEVEL = /\.(com|net|org|co|info|news|tv)(\.[a-z]{2})?$|\.[a-z]{2}$/i;

/** "www.example-rugby.co.za" → "examplerugby", "The Example Times" → "exampletimes". */
export function siteLabel(name: string): string {
  return compareKey(name.replace(HOST_PREFIX, '').replace(TOP_LEVEL, '')).replace(/\s+/g, '').replace(/^the/, '');
}
