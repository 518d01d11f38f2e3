/**
 * An error boundary around one part of the page (a mode, a lazily loaded dialog). A part
 * that fails never blanks the page: the rest keeps working and the learner is told what
 * happened. A part whose file is gone after a deploy reports it (UpdateNotice offers the
 * reload); anything else shows a short message with the same reload.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ReloadButton } from './ReloadButton.tsx';
import { isStaleBuildError, reportStaleBuild } from '../staleBuildSignal.ts';

interface Props {
  /** What the part is, for the message: "the lessons", "the Embed dialog". */
  name: string;
  /** A mode fills the main area with its message; a dialog leaves only the notice. */
  kind: 'mode' | 'dialog';
  /** Whether the run on screen is the playground's (a reload then carries it in the link). */
  playground: boolean;
  /** Called when the learner dismisses a failed dialog, so it can be opened again later. */
  onDismiss?: () => void;
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class PartBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    if (!isStaleBuildError(error)) return;
    reportStaleBuild();
    // A dialog that cannot load closes itself; the banner says why and offers the reload.
    if (this.props.kind === 'dialog') this.props.onDismiss?.();
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const stale = isStaleBuildError(error);
    if (this.props.kind === 'dialog' && stale) return null;
    const text = stale
      ? `A new version of Statecraft was published, so ${this.props.name} could not load.`
      : `Something went wrong in ${this.props.name}.`;
    return (
      <div className={this.props.kind === 'mode' ? 'part-failed part-failed-mode' : 'part-failed'}>
        <p role="alert">{text}</p>
        <div className="button-row">
          <ReloadButton playground={this.props.playground} />
          {this.props.onDismiss && (
            <button type="button" onClick={this.props.onDismiss}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}
