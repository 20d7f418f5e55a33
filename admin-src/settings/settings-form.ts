/**
 * Internal dependencies
 */
import {
	TASKS,
	type AtCap,
	type ProviderDescriptor,
	type ProviderField,
	type ProviderMode,
	type Settings,
	type StoredProvider,
	type Task,
} from '../shared/provider-settings';

/** A new secret the owner typed ('' = keep the stored one), or a request to remove it. */
export type KeyEdit = { value: string; remove: boolean };

/** One provider (or one instance of a multi-instance type) as the page edits it. */
export type ProviderForm = {
	/** Every field but secrets, as text. */
	values: Record< string, string >;
	/** Every secret field: what to do with it on save. */
	secrets: Record< string, KeyEdit >;
};

/** One row of the admin's price list, as typed. */
export type PriceRow = { model: string; input: string; output: string };

/** The Budgets tab: caps in USD as text ('' = no cap), prices, retention. */
export type BudgetsForm = {
	site_daily_usd: string;
	site_monthly_usd: string;
	user_daily_usd: string;
	alert_percent: string;
	at_cap: AtCap;
	alert_email: boolean;
	prices: PriceRow[];
	retention_days: string;
};

/** What the page edits: the settings with secrets replaced by edits, numbers as typed. */
export type SettingsForm = {
	provider_mode: ProviderMode;
	routing: {
		mode: 'simple' | 'advanced';
		simple: { text: string; image: string };
		matrix: Record< Task, string[] >;
	};
	/** Types that hold one set of settings. */
	providers: Record< string, ProviderForm >;
	/** Types that hold a list (`multiple`), e.g. OpenAI-compatible endpoints. */
	instances: Record< string, ProviderForm[] >;
	breaker: { failure_threshold: string; cooldown_seconds: string };
	timeouts: { connect_seconds: string; read_seconds: string };
	/** Null when the server has no budgets (an older plugin): the tab then says so. */
	budgets: BudgetsForm | null;
};

const capText = ( cap: number | null ) => ( cap === null ? '' : String( cap ) );

/**
 * The Budgets tab's form from the settings; null when the settings hold no budgets.
 *
 * @param settings GET settings.
 */
export function budgetsForm( settings: Settings ): BudgetsForm | null {
	const { budgets } = settings;
	if ( ! budgets ) {
		return null;
	}
	return {
		site_daily_usd: capText( budgets.site_daily_usd ),
		site_monthly_usd: capText( budgets.site_monthly_usd ),
		user_daily_usd: capText( budgets.user_daily_usd ),
		alert_percent: String( budgets.alert_percent ),
		at_cap: budgets.at_cap,
		alert_email: budgets.alert_email,
		prices: Object.entries( settings.prices ?? {} ).map(
			( [ model, price ] ) => ( {
				model,
				input: String( price.input_per_mtok ),
				output: String( price.output_per_mtok ),
			} )
		),
		retention_days: String( settings.retention_days ?? 0 ),
	};
}

export const noKeyEdit = (): KeyEdit => ( { value: '', remove: false } );

/**
 * A field's stored value as text; its default when the settings do not hold it.
 *
 * @param stored The provider's stored settings.
 * @param field  Field from the descriptor.
 */
export function storedValue(
	stored: StoredProvider | undefined,
	field: ProviderField
): string {
	const value = stored?.[ field.name ];
	if ( typeof value === 'string' ) {
		return value;
	}
	if ( typeof value === 'number' || typeof value === 'boolean' ) {
		return String( value );
	}
	return field.default;
}

/**
 * What GET settings says of a secret: whether one is stored, its hint, why it cannot be used.
 *
 * @param stored The provider's stored settings.
 * @param name   Secret field name, e.g. `api_key`.
 */
export function secretState(
	stored: StoredProvider | undefined,
	name: string
): { isSet: boolean; hint: string; error?: string } {
	const hint = stored?.[ `${ name }_hint` ];
	const error = stored?.[ `${ name }_error` ];
	return {
		isSet: stored?.[ `${ name }_set` ] === true,
		hint: typeof hint === 'string' ? hint : '',
		...( typeof error === 'string' && error !== '' ? { error } : {} ),
	};
}

/**
 * The stored settings of a single type (`{}` when none).
 *
 * @param settings GET settings.
 * @param type     Provider type.
 */
export function storedSingle(
	settings: Settings,
	type: string
): StoredProvider {
	const value = settings.providers[ type ];
	return value && ! Array.isArray( value ) ? value : {};
}

/**
 * The stored list of a multiple type (`[]` when none).
 *
 * @param settings GET settings.
 * @param type     Provider type.
 */
export function storedList(
	settings: Settings,
	type: string
): StoredProvider[] {
	const value = settings.providers[ type ];
	return Array.isArray( value ) ? value : [];
}

/**
 * A provider's form from its descriptor and stored settings.
 *
 * @param descriptor Provider type.
 * @param stored     Its stored settings.
 */
export function providerForm(
	descriptor: ProviderDescriptor,
	stored: StoredProvider | undefined
): ProviderForm {
	const form: ProviderForm = { values: {}, secrets: {} };
	for ( const field of descriptor.fields ) {
		if ( field.type === 'secret' ) {
			form.secrets[ field.name ] = noKeyEdit();
		} else {
			form.values[ field.name ] = storedValue( stored, field );
		}
	}
	return form;
}

/**
 * The name of the field that identifies an instance of a multiple type (`id`).
 *
 * @param descriptor Provider type.
 */
export function idFieldOf( descriptor: ProviderDescriptor ): string {
	return descriptor.fields.find( ( f ) => f.type === 'id' )?.name ?? 'id';
}

/**
 * Routing id of an instance: `<type>:<instance id>`.
 *
 * @param descriptor Provider type.
 * @param form       The instance.
 */
export function instanceProviderId(
	descriptor: ProviderDescriptor,
	form: ProviderForm
): string {
	const id = ( form.values[ idFieldOf( descriptor ) ] ?? '' ).trim();
	return `${ descriptor.type }:${ id }`;
}

/**
 * A new instance: the descriptor's defaults and a free id (`endpoint-2`).
 *
 * @param descriptor Provider type.
 * @param existing   Instances already in the form.
 */
export function newInstance(
	descriptor: ProviderDescriptor,
	existing: ProviderForm[]
): ProviderForm {
	const form = providerForm( descriptor, undefined );
	const idField = idFieldOf( descriptor );
	const taken = new Set( existing.map( ( i ) => i.values[ idField ] ) );
	let n = existing.length + 1;
	while ( taken.has( `endpoint-${ n }` ) ) {
		n++;
	}
	form.values[ idField ] = `endpoint-${ n }`;
	return form;
}

/**
 * The form as the server's settings and provider descriptors fill it.
 *
 * @param settings Settings from GET/POST settings.
 * @param types    Descriptors from GET providers.
 */
export function formFromSettings(
	settings: Settings,
	types: ProviderDescriptor[]
): SettingsForm {
	const matrix = {} as Record< Task, string[] >;
	for ( const task of TASKS ) {
		matrix[ task ] = [ ...( settings.routing.matrix[ task ] ?? [] ) ];
	}
	const providers: Record< string, ProviderForm > = {};
	const instances: Record< string, ProviderForm[] > = {};
	for ( const descriptor of types ) {
		if ( descriptor.multiple ) {
			instances[ descriptor.type ] = storedList(
				settings,
				descriptor.type
			).map( ( stored ) => providerForm( descriptor, stored ) );
		} else {
			providers[ descriptor.type ] = providerForm(
				descriptor,
				storedSingle( settings, descriptor.type )
			);
		}
	}
	return {
		provider_mode: settings.provider_mode,
		routing: {
			mode: settings.routing.mode,
			simple: { ...settings.routing.simple },
			matrix,
		},
		providers,
		instances,
		breaker: {
			failure_threshold: String( settings.breaker.failure_threshold ),
			cooldown_seconds: String( settings.breaker.cooldown_seconds ),
		},
		timeouts: {
			connect_seconds: String( settings.timeouts.connect_seconds ),
			read_seconds: String( settings.timeouts.read_seconds ),
		},
		budgets: budgetsForm( settings ),
	};
}
