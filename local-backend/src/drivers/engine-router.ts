/**
 * The engines behind one API: each request's model picks a driver, through the tier map first
 * (`opus` → claude:opus, `fast` → gemini:gemini-2.5-flash, …), then by which driver accepts the
 * name. Drivers whose CLI was found at start come first; a model only a missing engine knows
 * still goes to it, so the answer is a 503 saying how to install that CLI, not "unknown model".
 */

import type { Driver, DriverEvent, DriverStatus, GenerateRequest, ModelInfo, PoolStats } from './types.ts';

/** Pool figures of several drivers, added up (what /ping shows). */
export function sumPoolStats( all: PoolStats[] ): PoolStats {
	const sum: PoolStats = { size: 0, ready: 0, starting: 0, lent: 0, served_warm: 0, served_cold: 0, served_reused: 0, recycled: 0 };
	for ( const stats of all ) {
		for ( const key of Object.keys( sum ) as ( keyof PoolStats )[] ) {
			sum[ key ] += stats[ key ];
		}
	}
	return sum;
}

export interface TierTarget {
	engine: string;
	model: string;
}

export type TierMap = Record<string, TierTarget>;

export class EngineRouter implements Driver {
	readonly name = 'router';

	constructor(
		readonly drivers: Driver[],
		private readonly tiers: TierMap
	) {}

	/** Drivers whose CLI runs here (the default engine first). */
	usable(): Driver[] {
		return this.drivers.filter( ( d ) => d.status().version !== null );
	}

	/** The driver and the model name it gets, or undefined when no usable engine accepts `model`. */
	route( model: string ): { driver: Driver; model: string } | undefined {
		return this.routeAmong( this.usable(), model ) ?? this.routeAmong( this.drivers, model, true );
	}

	/** `listedOnly`: only a tier or a model a driver lists by name (not one it would merely accept). */
	private routeAmong( drivers: Driver[], model: string, listedOnly = false ): { driver: Driver; model: string } | undefined {
		const tier = this.tiers[ model ];
		if ( tier ) {
			const driver = drivers.find( ( d ) => d.name === tier.engine );
			const accepted = driver?.resolveModel( tier.model );
			return driver && accepted ? { driver, model: accepted } : undefined;
		}
		for ( const driver of drivers ) {
			const accepted = listedOnly && ! driver.models().some( ( m ) => m.id === model ) ? undefined : driver.resolveModel( model );
			if ( accepted ) {
				return { driver, model: accepted };
			}
		}
		return undefined;
	}

	/** The tiers and models of the engines that run here (of all configured ones when none does). */
	models(): ModelInfo[] {
		const running = this.usable();
		const usable = running.length > 0 ? running : this.drivers;
		const seen = new Set<string>();
		const out: ModelInfo[] = [];
		for ( const [ id, target ] of Object.entries( this.tiers ) ) {
			if ( this.routeAmong( usable, id ) ) {
				seen.add( id );
				out.push( { id, display_name: `${ id } (tier: ${ target.engine } ${ target.model })`, engine: target.engine, alias_of: target.model } );
			}
		}
		for ( const driver of usable ) {
			for ( const model of driver.models() ) {
				if ( ! seen.has( model.id ) ) {
					seen.add( model.id );
					out.push( { ...model, engine: driver.name } );
				}
			}
		}
		return out;
	}

	resolveModel( model: string ): string | undefined {
		return this.route( model ) ? model : undefined;
	}

	async *generate( request: GenerateRequest ): AsyncGenerator<DriverEvent, void, undefined> {
		const target = this.route( request.model );
		if ( ! target ) {
			throw new Error( `no engine for model ${ request.model }` );
		}
		yield* target.driver.generate( { ...request, model: target.model } );
	}

	status(): DriverStatus {
		const usable = this.usable();
		return { name: this.name, path: null, version: null, ready: usable.some( ( d ) => d.status().ready ), logged_in: null, auth_method: null };
	}

	poolStats(): PoolStats {
		return sumPoolStats( this.drivers.map( ( d ) => d.poolStats() ) );
	}

	async start(): Promise<void> {
		await Promise.all( this.drivers.map( ( d ) => d.start() ) );
	}

	async close(): Promise<void> {
		await Promise.all( this.drivers.map( ( d ) => d.close() ) );
	}
}
