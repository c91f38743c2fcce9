import { createSecretBox, loadConnectorSecret, type SecretBox } from './secret-box.ts';
import { DEFAULT_SHOP_HTTP, type ShopHttp } from './shop-fetch.ts';

/** What the connector routes need besides the engine: the sealing key and how to call shops. */
export interface ConnectorDeps {
  readonly box: SecretBox;
  readonly http: ShopHttp;
}

/** The deps `serve`, `sync` and `connect` use: the key from the runtime secret, real HTTP. */
export async function connectorDepsFor(
  dataDir: string,
  env: Record<string, string | undefined>,
): Promise<ConnectorDeps> {
  return { box: createSecretBox(await loadConnectorSecret(dataDir, env)), http: DEFAULT_SHOP_HTTP };
}
