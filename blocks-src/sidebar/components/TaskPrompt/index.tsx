/**
 * WordPress dependencies
 */
import { Button, TextareaControl } from '@wordpress/components';

interface Props {
	/** The text box's accessible name (DESIGN.md §5). */
	label: string;
	help?: string;
	value: string;
	onChange: ( value: string ) => void;
	rows?: number;
	/** The main button's name. */
	action: string;
	onAction: () => void;
	/** While the task's request runs, the main button waits. */
	busy: boolean;
	/** More buttons beside the main one. */
	children?: React.ReactNode;
}

/**
 * A task's main text box and main button; Ctrl+Enter (⌘+Enter) presses the button.
 *
 * @param props Label, value and action of the task.
 */
export default function TaskPrompt( props: Props ) {
	const {
		label,
		help,
		value,
		onChange,
		rows = 3,
		action,
		onAction,
		busy,
	} = props;
	return (
		<>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ label }
				help={ help }
				value={ value }
				onChange={ onChange }
				rows={ rows }
				onKeyDown={ ( event: React.KeyboardEvent ) => {
					if (
						event.key === 'Enter' &&
						( event.metaKey || event.ctrlKey ) &&
						! busy
					) {
						event.preventDefault();
						onAction();
					}
				} }
			/>
			<div className="agentic-writer-actions">
				<Button
					variant="primary"
					onClick={ onAction }
					disabled={ busy }
					accessibleWhenDisabled
				>
					{ action }
				</Button>
				{ props.children }
			</div>
		</>
	);
}
