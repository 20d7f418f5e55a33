/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';

type Props = {
	/** Heading (level 2): the panel's accessible name. */
	title: string;
	/** Why the panel's data failed to load; the last data stays shown below. */
	error?: string | null;
	/** Shown in the header beside the title (e.g. when the data was refreshed). */
	aside?: ReactNode;
	className?: string;
	children: ReactNode;
};

/**
 * A card with a heading that names it (a region, for screen readers and tests).
 *
 * @param props           Props.
 * @param props.title     Heading.
 * @param props.error     Load error.
 * @param props.aside     Header extra.
 * @param props.className Extra class.
 * @param props.children  Content.
 */
export default function Panel( {
	title,
	error,
	aside,
	className,
	children,
}: Props ) {
	const id = `agentic-writer-panel-${ title
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' ) }`;
	return (
		<section
			aria-labelledby={ id }
			className={ `agentic-writer-panel ${ className ?? '' }` }
		>
			<Card>
				<CardHeader>
					<h2 id={ id }>{ title }</h2>
					{ aside }
				</CardHeader>
				<CardBody>
					{ error && (
						<Notice status="error" isDismissible={ false }>
							{ error }
						</Notice>
					) }
					{ children }
				</CardBody>
			</Card>
		</section>
	);
}
