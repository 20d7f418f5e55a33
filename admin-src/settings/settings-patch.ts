/**
 * Internal dependencies
 */
import {
	TASKS,
	type ProviderDescriptor,
	type Settings,
	type StoredProvider,
} from '../shared/provider-settings';
import {
	type BudgetsForm,
	storedList,
	storedSingle,
	storedValue,
	type KeyEdit,
	type ProviderForm,
	type SettingsForm,
} from './settings-form';

/*
 * What a save sends: only what changed between the saved settings and the form.
 */

/**
 * A secret's part of a patch: a typed value, null to remove, nothing to keep the stored one.
 *
 * @param name Secret field name.
 * @param edit Its edit.
 */
function secretPatch(
	name: string,
	edit: KeyEdit | undefined
): Record< string, string | null > {
	if ( ! edit ) {
		return {};
	}
	if ( edit.remove ) {
		return { [ name ]: null };
	}
	const value = edit.value.trim();
	return value === '' ? {} : { [ name ]: value };
}

/**
 * `scheme://host:port` of a URL with the scheme's default port filled in, as the server
 * compares them; '' when the text is not a URL.
 *
 * @param url URL.
 */
export function originOf( url: string ): string {
	try {
		const u = new URL( url.trim() );
		const defaultPort = { 'http:': '80', 'https:': '443' }[ u.protocol ];
		return `${ u.protocol }//${ u.hostname }:${ u.port || defaultPort || '' }`;
	} catch {
		return '';
	}
}

/**
 * Whether saving drops the stored key: a key goes with its endpoint, so the server clears it
 * when the base URL moves to another origin and no new key comes in the same save.
 *
 * @param saved             The provider as last saved.
 * @param saved.base_url    Its base URL.
 * @param saved.api_key_set Whether a key is stored.
 * @param form              The provider's form.
 * @param form.base_url     The base URL typed.
 * @param form.key          The key edit.
 */
export function keyWillBeCleared(
	saved: { base_url?: string; api_key_set: boolean },
	form: { base_url: string; key: KeyEdit }
): boolean {
	if (
		! saved.api_key_set ||
		! saved.base_url ||
		form.key.remove ||
		form.key.value.trim() !== ''
	) {
		return false;
	}
	return originOf( form.base_url ) !== originOf( saved.base_url );
}

const sameList = ( a: string[], b: string[] ) =>
	a.length === b.length && a.every( ( v, i ) => v === b[ i ] );

/**
 * One provider as the patch sends it: the secrets that were edited, and its values — only
 * those that differ from `stored` when given, all of them otherwise (an entry of a list, which
 * the server replaces whole, keeping stored secrets by id).
 *
 * @param descriptor Provider type.
 * @param form       Its form.
 * @param stored     Its stored settings, to send only what changed.
 */
function providerPayload(
	descriptor: ProviderDescriptor,
	form: ProviderForm,
	stored?: StoredProvider
): Record< string, unknown > {
	const payload: Record< string, unknown > = {};
	for ( const field of descriptor.fields ) {
		if ( field.type === 'secret' ) {
			Object.assign(
				payload,
				secretPatch( field.name, form.secrets[ field.name ] )
			);
			continue;
		}
		const typed = form.values[ field.name ] ?? '';
		const value = field.type === 'id' ? typed.trim() : typed;
		if ( ! stored || value !== storedValue( stored, field ) ) {
			payload[ field.name ] = value;
		}
	}
	return payload;
}

/**
 * Whether a list differs from the stored one: length, a value, or a secret edit.
 *
 * @param descriptor Provider type.
 * @param stored     Stored list.
 * @param list       The list as it would be sent.
 */
function listChanged(
	descriptor: ProviderDescriptor,
	stored: StoredProvider[],
	list: Record< string, unknown >[]
): boolean {
	return (
		list.length !== stored.length ||
		list.some( ( entry, n ) =>
			descriptor.fields.some( ( field ) =>
				field.type === 'secret'
					? field.name in entry
					: entry[ field.name ] !== storedValue( stored[ n ], field )
			)
		)
	);
}

/**
 * A number field's patch: the number when it changed, the text as typed when it is not a
 * number (the server then names the field), null when unchanged.
 *
 * @param saved Stored number.
 * @param text  What the field holds.
 */
function numberChange( saved: number, text: string ): number | string | null {
	const value = Number( text );
	if ( text.trim() === '' || ! Number.isFinite( value ) ) {
		return text;
	}
	return value === saved ? null : value;
}

/**
 * The changed members of a group of numbers (`breaker`, `timeouts`).
 *
 * @param saved Stored numbers.
 * @param form  Numbers as typed.
 */
function numbersPatch(
	saved: Record< string, number >,
	form: Record< string, string >
): Record< string, number | string > {
	const changes: Record< string, number | string > = {};
	for ( const [ name, text ] of Object.entries( form ) ) {
		const change = numberChange( saved[ name ] ?? NaN, text );
		if ( change !== null ) {
			changes[ name ] = change;
		}
	}
	return changes;
}

/**
 * A cap's patch: null for an empty field (no cap), else as numberChange; undefined when
 * unchanged.
 *
 * @param saved Stored cap.
 * @param text  What the field holds.
 */
function capChange(
	saved: number | null,
	text: string
): number | string | null | undefined {
	if ( text.trim() === '' ) {
		return saved === null ? undefined : null;
	}
	const change = numberChange( saved ?? NaN, text );
	return change === null ? undefined : change;
}

/**
 * A typed amount as a number; the text as typed when it is not one (the server names it).
 *
 * @param text Amount.
 */
const amount = ( text: string ): number | string =>
	text.trim() !== '' && Number.isFinite( Number( text ) )
		? Number( text )
		: text;

/**
 * The Budgets tab's part of the patch: `budgets`, `prices` (null removes a model; a row
 * without a model is not sent) and `retention_days`, each only when it changed.
 *
 * @param saved Settings as last read.
 * @param form  The tab's form.
 */
export function budgetsPatch(
	saved: Settings,
	form: BudgetsForm
): Record< string, unknown > {
	const patch: Record< string, unknown > = {};
	const budgets: Record< string, unknown > = {};
	if ( saved.budgets ) {
		for ( const name of [
			'site_daily_usd',
			'site_monthly_usd',
			'user_daily_usd',
		] as const ) {
			const change = capChange( saved.budgets[ name ], form[ name ] );
			if ( change !== undefined ) {
				budgets[ name ] = change;
			}
		}
		const alert = numberChange(
			saved.budgets.alert_percent,
			form.alert_percent
		);
		if ( alert !== null ) {
			budgets.alert_percent = alert;
		}
		if ( form.at_cap !== saved.budgets.at_cap ) {
			budgets.at_cap = form.at_cap;
		}
		if ( form.alert_email !== saved.budgets.alert_email ) {
			budgets.alert_email = form.alert_email;
		}
	}
	if ( Object.keys( budgets ).length ) {
		patch.budgets = budgets;
	}

	const savedPrices = saved.prices ?? {};
	const prices: Record< string, unknown > = {};
	const kept = new Set< string >();
	for ( const row of form.prices ) {
		const model = row.model.trim();
		if ( model === '' ) {
			continue;
		}
		kept.add( model );
		const price = {
			input_per_mtok: amount( row.input ),
			output_per_mtok: amount( row.output ),
		};
		const before = savedPrices[ model ];
		if (
			! before ||
			before.input_per_mtok !== price.input_per_mtok ||
			before.output_per_mtok !== price.output_per_mtok
		) {
			prices[ model ] = price;
		}
	}
	for ( const model of Object.keys( savedPrices ) ) {
		if ( ! kept.has( model ) ) {
			prices[ model ] = null;
		}
	}
	if ( Object.keys( prices ).length ) {
		patch.prices = prices;
	}

	const retention = numberChange(
		saved.retention_days ?? 0,
		form.retention_days
	);
	if ( retention !== null ) {
		patch.retention_days = retention;
	}
	return patch;
}

/**
 * Only what changed between the saved settings and the form, as POST settings takes it.
 * A multiple type's list is sent whole when anything in it changed.
 *
 * @param saved Settings as last read from the server.
 * @param form  The form.
 * @param types Descriptors from GET providers.
 */
export function buildPatch(
	saved: Settings,
	form: SettingsForm,
	types: ProviderDescriptor[]
): Record< string, unknown > {
	const patch: Record< string, unknown > = {};
	if ( form.provider_mode !== saved.provider_mode ) {
		patch.provider_mode = form.provider_mode;
	}

	const routing: Record< string, unknown > = {};
	if ( form.routing.mode !== saved.routing.mode ) {
		routing.mode = form.routing.mode;
	}
	const simple: Record< string, string > = {};
	for ( const slot of [ 'text', 'image' ] as const ) {
		if ( form.routing.simple[ slot ] !== saved.routing.simple[ slot ] ) {
			simple[ slot ] = form.routing.simple[ slot ];
		}
	}
	if ( Object.keys( simple ).length ) {
		routing.simple = simple;
	}
	const matrix: Record< string, string[] > = {};
	for ( const task of TASKS ) {
		const chain = form.routing.matrix[ task ].filter( ( id ) => id !== '' );
		if ( ! sameList( chain, saved.routing.matrix[ task ] ?? [] ) ) {
			matrix[ task ] = chain;
		}
	}
	if ( Object.keys( matrix ).length ) {
		routing.matrix = matrix;
	}
	if ( Object.keys( routing ).length ) {
		patch.routing = routing;
	}

	const providers: Record< string, unknown > = {};
	for ( const descriptor of types ) {
		const { type } = descriptor;
		if ( descriptor.multiple ) {
			const list = ( form.instances[ type ] ?? [] ).map( ( i ) =>
				providerPayload( descriptor, i )
			);
			if ( listChanged( descriptor, storedList( saved, type ), list ) ) {
				providers[ type ] = list;
			}
			continue;
		}
		const single = form.providers[ type ];
		const changes = single
			? providerPayload( descriptor, single, storedSingle( saved, type ) )
			: {};
		if ( Object.keys( changes ).length ) {
			providers[ type ] = changes;
		}
	}
	if ( Object.keys( providers ).length ) {
		patch.providers = providers;
	}

	for ( const group of [ 'breaker', 'timeouts' ] as const ) {
		const changes = numbersPatch( saved[ group ], form[ group ] );
		if ( Object.keys( changes ).length ) {
			patch[ group ] = changes;
		}
	}
	if ( form.budgets ) {
		Object.assign( patch, budgetsPatch( saved, form.budgets ) );
	}
	return patch;
}
