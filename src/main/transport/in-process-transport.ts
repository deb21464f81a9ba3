import type { Transport } from '@shared/rpc/protocol'
import type { Core } from '../core/create-core'
import { dispatch } from './dispatch'

/** The core as a Transport in the same process (CLI, tests): calls still go through `dispatch`. */
export function inProcessTransport(core: Pick<Core, 'api' | 'events'>): Transport {
  return {
    call: (method, input) => dispatch(core.api, method, input),
    subscribe: (listener) => core.events.subscribe(listener),
  }
}
