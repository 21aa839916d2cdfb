// A failure in one part of the screen stays in that part, with a message and a way back.
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

interface Props {
  label: string
  children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined }

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.label} failed`, error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="load-error" role="alert" data-testid="error-boundary">
        <p>
          {this.props.label}: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          ↻
        </button>
      </div>
    )
  }
}
